namespace EntityExtraction.Model;

/// <summary>
/// French articles, determiners, pronouns and prepositions that can open a sentence: capitalised there only
/// because of their position, never evidence of a name on their own.
/// </summary>
internal static class FunctionWords
{
    // Consulted only for sentence-initial multi-word entities, so a linear scan is cheap enough and allocation-free.
    private static readonly string[] Words =
    [
        "le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’", "au", "aux", "à", "ce", "cet", "cette",
        "ces", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs",
        "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j'", "j’", "tu", "en", "dans", "par", "pour", "sur",
        "avec", "sans", "sous", "chez", "vers", "quel", "quelle", "quels", "quelles", "tout", "toute", "tous", "toutes",
        "aucun", "aucune", "chaque", "plusieurs", "certains", "certaines", "quelques", "et", "ou", "mais", "si",
    ];

    public static bool Contains(ReadOnlySpan<char> word)
    {
        foreach (string w in Words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
