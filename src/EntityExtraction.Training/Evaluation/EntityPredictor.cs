using EntityExtraction.Tokenization;
using EntityExtraction.Training.Corpora;

namespace EntityExtraction.Training.Evaluation;

/// <summary>
/// Any system under evaluation: given a text and its tokens (gold tokens for CoNLL, our tokenizer's for raw
/// text), append the predicted entities as character spans. The model alone, or the full pipeline, plug in here.
/// </summary>
public delegate void EntityPredictor(string text, IReadOnlyList<Token> tokens, List<EntitySpan> destination);
