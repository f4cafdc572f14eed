namespace EntityExtraction.Language;

/// <summary>The French grammatical words the pipeline reasons about, each list defined once.</summary>
internal static class FrenchFunctionWords
{
    /// <summary>
    /// Articles, determiners, pronouns, prepositions and conjunctions that can open a sentence: capitalised there only
    /// because of their position, never evidence of a name on their own.
    /// </summary>
    public static readonly WordList CapitalisedOnlyByPosition = new(
        "le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’", "au", "aux", "à", "ce", "cet", "cette",
        "ces", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs",
        "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j'", "j’", "tu", "en", "dans", "par", "pour", "sur",
        "avec", "sans", "sous", "chez", "vers", "quel", "quelle", "quels", "quelles", "tout", "toute", "tous", "toutes",
        "aucun", "aucune", "chaque", "plusieurs", "certains", "certaines", "quelques", "et", "ou", "mais", "si");

    /// <summary>
    /// Determiners that announce a common noun: after them a capitalised common word ("une Orange", "ses Tours") is
    /// not the name it could be.
    /// </summary>
    public static readonly WordList CommonNounDeterminers = new(
        "un", "une", "des", "ces", "cette", "cet", "ce", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses",
        "notre", "nos", "votre", "vos", "leur", "leurs", "quelques", "plusieurs", "chaque", "aucun", "aucune");

    /// <summary>The definite articles, which some names begin with ("Le Mans", "La Rochelle", "L'Oréal") and most do not.</summary>
    public static readonly WordList DefiniteArticles = new("le", "la", "les", "l'", "l’");

    /// <summary>Words that join the parts of one name rather than two names: "Crédit agricole de Normandie", "Procter &amp; Gamble".</summary>
    public static readonly WordList NameConnectors = new("de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "-", "&");
}
