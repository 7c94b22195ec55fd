// opgavelab: the offline formation page. A stand-in for the widget model, so formation.js runs without Python.
(() => {
  const state = JSON.parse(document.getElementById("opgavelab-formation-state").textContent);
  const handlers = {};
  const model = {
    get: (k) => state[k],
    set: (k, v) => {
      const old = state[k];
      state[k] = v;
      if (old !== v) (handlers["change:" + k] || []).forEach((f) => f());
    },
    on: (ev, f) => { (handlers[ev] = handlers[ev] || []).push(f); },
    save_changes: () => {},
  };
  render({ model, el: document.getElementById("opgavelab-formation") });
})();
