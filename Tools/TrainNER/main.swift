// Filled in by the NER training work.
print("storyline-train-ner: not yet written")
