namespace EntityExtraction.Training.Evaluation;

/// <summary>How annotated files are given to the system under evaluation.</summary>
public enum EvaluationMode
{
    /// <summary>
    /// From raw text, one record one document, as a user calls <c>Extract</c>: JSONL records as they are, each CoNLL
    /// sentence alone with its tokens joined by single spaces. The evaluated system tokenizes every text itself, so
    /// tokenizer errors count, and the document-level stages see one record at a time.
    /// </summary>
    EndToEnd,

    /// <summary>
    /// CoNLL sentences on the corpus' own tokens, 100 sentences to a document (JSONL files are raw text in both
    /// modes). Isolates the tagger from the tokenizer.
    /// </summary>
    GoldTokens,
}
