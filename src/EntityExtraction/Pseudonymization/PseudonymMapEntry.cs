namespace EntityExtraction.Pseudonymization;

/// <summary>One person (or organisation, or place) of a <see cref="PseudonymMap"/> and the pseudonym of each of its spellings.</summary>
/// <param name="Identifier">The map's identifier: <c>PER_1</c>, or <c>PER_3f9a2c1b</c> under <see cref="PseudonymizationOperator.Hash"/>.</param>
/// <param name="Type">The entity type.</param>
/// <param name="Operator">The operator that made its pseudonyms.</param>
/// <param name="Forms">Each spelling met in the documents and its pseudonym, in order of first appearance.</param>
public sealed record PseudonymMapEntry(string Identifier, EntityType Type, PseudonymizationOperator Operator, IReadOnlyList<PseudonymForm> Forms);

/// <summary>A spelling of a name and the pseudonym that replaces it.</summary>
/// <param name="Original">The spelling in the original text ("Jean Dupont", "Dupont", "J. Dupont").</param>
/// <param name="Pseudonym">Its pseudonym ("[PER_1]", "[PER_1.2]", "Paul Martin").</param>
public readonly record struct PseudonymForm(string Original, string Pseudonym);
