// Helper of method_names: listed, never called.
ALERT("beta")
