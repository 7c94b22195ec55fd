# opgavelab: two commands do all set-up on a fresh machine.
#   make lab    create .venv if missing, install, open JupyterLab on notebooks/
#   make test   create .venv if missing, install, run every test and notebook
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8888
# Jupyter refuses to run as root unless told (containers, CI)
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: install lab app test test-fast bench report clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[lab,test]"
	@# JupyterLab: no pop-up asking about Jupyter news for students opening 00-start
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@echo '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' \
		> $(VENV)/share/jupyter/lab/settings/overrides.json
	@$(MAKE) --no-print-directory $(HIDE)
	@touch $(STAMP)

# JupyterLab's file browser hides what students need not see in notebooks/
# (conftest.py for the notebook tests, voila.json for the app)
HIDE := $(VENV)/etc/jupyter/jupyter_server_config.json
$(HIDE):
	@mkdir -p $(dir $(HIDE))
	@echo '{"ContentsManager": {"hide_globs": ["__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*~", "conftest.py", "voila.json"]}}' > $(HIDE)

install: $(STAMP)

# JupyterLab on 127.0.0.1 only, with Jupyter's token (never disabled): share
# exported files, not the server.
lab: $(STAMP) $(HIDE)
	cd notebooks && ../$(BIN)/jupyter lab 00-start.ipynb --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) \
		--LabApp.default_url=/lab/tree/00-start.ipynb $(ROOT_FLAG)

# The explorer as an app for people who do not code (Voila, 127.0.0.1 only).
app: $(STAMP)
	$(BIN)/voila notebooks/00-start.ipynb --Voila.ip=127.0.0.1 --port=$(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest tests notebooks opgavelab --nbval-lax --doctest-modules --durations=15

test-fast: $(STAMP)
	$(BIN)/python -m pytest tests -m "not e2e and not slow" -q

# make bench; a subset: make bench BENCH="report libraries" (groups: see python -m benchmarks.run --help)
bench: $(STAMP)
	@$(BIN)/python -c "import igraph, rapidfuzz" 2>/dev/null || $(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python -m benchmarks.run $(BENCH)

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
