namespace EntityExtraction.Storage;

/// <summary>What a resource file holds; a file of one kind is never read as another.</summary>
internal enum ResourceKind : ushort
{
    /// <summary>A named-entity model (<see cref="Model.ModelFile"/>).</summary>
    Model = 1,

    /// <summary>A compiled gazetteer (<see cref="Gazetteers.GazetteerResource"/>).</summary>
    Gazetteer = 2,

    /// <summary>The common-word lexicon of the gazetteer guard (<see cref="Gazetteers.CommonWordResource"/>).</summary>
    CommonWords = 3,

    /// <summary>The name lexicons compiled by <c>build-lexicons</c> for training.</summary>
    Lexicon = 4,

    /// <summary>The first names (with their gender) and surnames of pseudonymisation (<see cref="Pseudonymization.PersonNameLexicon"/>).</summary>
    PersonNames = 5,
}
