// Filled in by the time-tagger benchmark work.
print("storyline-time-bench: not yet written")
