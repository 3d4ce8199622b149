// Top-level code runs once per isolate build, under its own budget.
for (;;) {}
