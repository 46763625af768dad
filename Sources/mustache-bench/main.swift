print("mustache-bench: not built yet")
