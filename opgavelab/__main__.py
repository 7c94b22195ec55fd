import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl+C while the command line itself is read in: stopped, quietly
    sys.exit(130)

if __name__ == "__main__":
    sys.exit(main())
