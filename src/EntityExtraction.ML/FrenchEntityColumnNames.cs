namespace EntityExtraction.ML;

/// <summary>
/// The columns that <see cref="FrenchEntityCatalog.ExtractFrenchEntities"/> adds, named after its output column
/// (<c>Entities</c> below). Each row is one document; a row with empty text has no entities.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>Entities</c></term><description>Vector of text, one token per entity in text order:
/// <c>TYPE:name</c> (<c>ORG:IBM</c>, <c>PER:Sylvain Rolland</c>), the name being the gazetteer's canonical name when
/// it knows the entity, its text otherwise. Feed it to <c>MapValueToKey</c> and <c>ProduceNgrams</c> for a learned
/// vocabulary of entities.</description></item>
/// <item><term><c>Entities.Texts</c></term><description>Vector of text: each entity's text as written.</description></item>
/// <item><term><c>Entities.Types</c></term><description>Vector of text: each entity's type code, <c>PER</c>, <c>ORG</c>
/// or <c>LOC</c>.</description></item>
/// <item><term><c>Entities.Counts</c></term><description>Vector of <see cref="CountsLength"/> floats: the number of
/// entities of each type, PER, ORG, LOC (0 for a type the options leave out).</description></item>
/// <item><term><c>Entities.Bag</c></term><description>Sparse vector of <see cref="BagLength"/> floats: the
/// <c>Entities</c> tokens, lower-cased, hashed into buckets and counted — a bag of entities that needs no fitting,
/// ready for <c>Concatenate</c> and a trainer.</description></item>
/// </list>
/// </remarks>
public sealed class FrenchEntityColumnNames
{
    /// <summary>The length of the <see cref="Counts"/> vector: one slot per entity type, PER, ORG, LOC.</summary>
    public const int CountsLength = 3;

    /// <summary>The length of the <see cref="Bag"/> vector: 4,096 hash buckets.</summary>
    public const int BagLength = 4096;

    internal FrenchEntityColumnNames(string outputColumnName)
    {
        Entities = outputColumnName;
        Texts = outputColumnName + ".Texts";
        Types = outputColumnName + ".Types";
        Counts = outputColumnName + ".Counts";
        Bag = outputColumnName + ".Bag";
    }

    /// <summary>The output column: one <c>TYPE:name</c> token per entity (vector of text).</summary>
    public string Entities { get; }

    /// <summary><c>{output}.Texts</c>: the entities' texts (vector of text).</summary>
    public string Texts { get; }

    /// <summary><c>{output}.Types</c>: the entities' type codes (vector of text).</summary>
    public string Types { get; }

    /// <summary><c>{output}.Counts</c>: entities per type, PER, ORG, LOC (vector of <see cref="CountsLength"/> floats).</summary>
    public string Counts { get; }

    /// <summary><c>{output}.Bag</c>: the hashed bag of entities (sparse vector of <see cref="BagLength"/> floats).</summary>
    public string Bag { get; }

    /// <summary>All five, in the order above.</summary>
    internal IEnumerable<string> All => [Entities, Texts, Types, Counts, Bag];
}
