"""The learned part of the coach: features, the model file, and how it is trained.

Inference (`features`, `model`) is plain Python reading a JSON file of weights,
so the coach starts fast and needs neither numpy nor scikit-learn at run time.
Training (`train`, `corpus`) imports scikit-learn and is run by `make train`.
"""
