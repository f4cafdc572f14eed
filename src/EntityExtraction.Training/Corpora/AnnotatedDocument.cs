using EntityExtraction.Tokenization;

namespace EntityExtraction.Training.Corpora;

/// <summary>
/// A text with its gold entities as character spans. <see cref="GoldTokens"/> is set for CoNLL input
/// (the corpus' own tokens, laid out over a text built by joining them with single spaces) and null for
/// raw-text JSONL input, where the evaluated system tokenizes the text itself.
/// </summary>
public sealed record AnnotatedDocument(string Id, string Text, IReadOnlyList<EntitySpan> Entities, IReadOnlyList<Token>? GoldTokens);
