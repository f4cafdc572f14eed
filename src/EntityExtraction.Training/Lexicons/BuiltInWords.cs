namespace EntityExtraction.Training.Lexicons;

/// <summary>
/// Small hand-written word lists no source provides: titles and functions that introduce a person, and words
/// that typically occur inside organisation names. General French, not tuned to any test text.
/// </summary>
internal static class BuiltInWords
{
    public static readonly string[] Titles =
    [
        "M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Dr", "Pr", "Mgr", "monsieur", "madame", "mademoiselle",
        "président", "présidente", "ministre", "directeur", "directrice", "PDG", "DG", "fondateur", "fondatrice",
        "maire", "député", "députée", "sénateur", "sénatrice", "général", "colonel", "capitaine", "lieutenant",
        "roi", "reine", "prince", "princesse", "pape", "cardinal", "abbé", "docteur", "professeur", "maître",
        "secrétaire", "porte-parole", "chancelier", "chancelière", "premier", "patron", "patronne", "dirigeant",
        "dirigeante", "préfet", "préfète", "juge", "avocat", "avocate", "entraîneur", "sélectionneur", "comte",
        "comtesse", "duc", "duchesse", "baron", "baronne", "marquis", "marquise", "empereur", "impératrice",
        "saint", "sainte", "frère", "sœur", "père", "mère", "veuve", "citoyen", "cofondateur", "cofondatrice",
        "économiste", "chercheur", "chercheuse", "journaliste", "écrivain", "auteur", "autrice", "chanteur", "chanteuse",
        "acteur", "actrice", "joueur", "joueuse", "candidat", "candidate", "commissaire", "ambassadeur", "ambassadrice",
    ];

    public static readonly string[] OrganizationWords =
    [
        "société", "groupe", "banque", "université", "ministère", "association", "parti", "compagnie", "fédération",
        "institut", "comité", "conseil", "assemblée", "sénat", "agence", "commission", "union", "syndicat",
        "fondation", "académie", "école", "lycée", "collège", "club", "journal", "tribunal", "cour", "office",
        "organisation", "centre", "laboratoire", "musée", "orchestre", "théâtre", "hôpital", "caisse", "chambre",
        "direction", "autorité", "observatoire", "conservatoire", "congrès", "gouvernement", "armée", "régiment",
        "mouvement", "front", "ligue", "confédération", "cie", "sa", "sas", "sarl", "inc", "inc.", "corp", "corp.",
        "ltd", "gmbh", "ag", "llc", "group", "holding", "bank", "university", "institute", "foundation", "alliance",
        "labs", "technologies", "systems", "airlines", "motors", "pharma", "assurances", "mutuelle", "entreprise",
        "fc", "ac", "as", "olympique", "racing", "stade", "nations", "unies", "européenne", "nationale", "national",
    ];
}
