namespace EntityExtraction.Pseudonymization;

/// <summary>How a name is replaced by <see cref="FrenchEntityExtractor.Pseudonymize"/>.</summary>
public enum PseudonymizationOperator
{
    /// <summary>A numbered tag, <c>[PER_1]</c>, <c>[PER_2]</c> …, in order of first appearance; a person's other spellings
    /// are <c>[PER_1.2]</c>, <c>[PER_1.3]</c> … (so that <see cref="PseudonymMap.Restore"/> gives each back). Reversible.</summary>
    Tag,

    /// <summary>A realistic French name of the same shape (first name + surname, surname alone, initial + surname), of
    /// the same gender when the first name tells it, the same capitalisation and the same first sound (elisions stay
    /// right), drawn deterministically and never a name of the document. Persons only. Reversible.</summary>
    Surrogate,

    /// <summary>Every letter but the first of each word starred: <c>J*** D*****</c>. One-way.</summary>
    Mask,

    /// <summary><c>[…]</c>. One-way.</summary>
    Redact,

    /// <summary>A keyed HMAC-SHA-256 of the normalised name, <c>[PER_3f9a2c1b]</c>: two documents pseudonymised with the
    /// same key share pseudonyms without a shared table. Needs <see cref="PseudonymizationOptions.Key"/>. Reversible
    /// through the map.</summary>
    Hash,
}
