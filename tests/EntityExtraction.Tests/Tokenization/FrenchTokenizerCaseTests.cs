using EntityExtraction.Tokenization;

namespace EntityExtraction.Tests.Tokenization;

/// <summary>Hand-checked French cases: exact token texts for every rule of docs/tokenizer.md.</summary>
public class FrenchTokenizerCaseTests
{
    private static string[] Texts(string text) =>
        FrenchTokenizer.Default.Tokenize(text).Select(t => t.GetText(text)).ToArray();

    [Theory]
    // Elisions, both apostrophes, any case.
    [InlineData("l'AI Alliance", "l'", "AI", "Alliance")]
    [InlineData("d’IBM", "d’", "IBM")]
    [InlineData("L'État", "L'", "État")]
    [InlineData("D'autres", "D'", "autres")]
    [InlineData("Qu'il", "Qu'", "il")]
    [InlineData("j'ai m'a n'est s'il t'aime c'est", "j'", "ai", "m'", "a", "n'", "est", "s'", "il", "t'", "aime", "c'", "est")]
    [InlineData("jusqu'à lorsqu'il puisqu’elle quoiqu'on", "jusqu'", "à", "lorsqu'", "il", "puisqu’", "elle", "quoiqu'", "on")]
    [InlineData("JUSQU'AU BOUT", "JUSQU'", "AU", "BOUT")]
    [InlineData("l’homme d'Artagnan", "l’", "homme", "d'", "Artagnan")]
    [InlineData("ç'a été", "ç'", "a", "été")]
    [InlineData("l' homme qu’ il", "l'", "homme", "qu’", "il")]
    // Lexicalised apostrophes and non-elision apostrophes.
    [InlineData("aujourd'hui prud'homme presqu'île", "aujourd'hui", "prud'homme", "presqu'île")]
    [InlineData("quelqu'un quelqu'une entr'acte", "quelqu'un", "quelqu'une", "entr'acte")]
    [InlineData("jusqu’aujourd’hui", "jusqu’", "aujourd’hui")]
    [InlineData("O'Neill et rock'n'roll", "O'Neill", "et", "rock'n'roll")]
    [InlineData("le mot 'comme ça' ici", "le", "mot", "'", "comme", "ça", "'", "ici")]
    [InlineData("les élèves' livres", "les", "élèves", "'", "livres")]
    // Hyphenated compounds stay whole.
    [InlineData("Saint-Étienne et Jean-Luc", "Saint-Étienne", "et", "Jean-Luc")]
    [InlineData("Aix-en-Provence", "Aix-en-Provence")]
    [InlineData("peut-être", "peut-être")]
    [InlineData("c'est-à-dire", "c'", "est-à-dire")]
    [InlineData("Jean-Pierre et Marie-Elle", "Jean-Pierre", "et", "Marie-Elle")]
    [InlineData("un rendez-vous", "un", "rendez-vous")]
    [InlineData("Côte-d'Ivoire", "Côte-d'Ivoire")]
    [InlineData("COVID-19", "COVID-19")]
    // Verb–subject inversions split off the verb.
    [InlineData("a-t-il", "a", "-t-il")]
    [InlineData("dit-elle", "dit", "-elle")]
    [InlineData("a-t-elle va-t-on", "a", "-t-elle", "va", "-t-on")]
    [InlineData("Est-ce vrai", "Est", "-ce", "vrai")]
    [InlineData("qu'est-ce que", "qu'", "est", "-ce", "que")]
    [InlineData("viennent-ils sont-elles peut-on", "viennent", "-ils", "sont", "-elles", "peut", "-on")]
    [InlineData("puis-je vas-tu allons-nous voulez-vous", "puis", "-je", "vas", "-tu", "allons", "-nous", "voulez", "-vous")]
    [InlineData("Que dit-il ?", "Que", "dit", "-il", "?")]
    [InlineData("l'a-t-il vu", "l'", "a", "-t-il", "vu")]
    [InlineData("m'as-tu-vu", "m'", "as-tu-vu")]
    [InlineData("DIT-IL", "DIT-IL")]
    [InlineData("Microsoft - avec OpenAI", "Microsoft", "-", "avec", "OpenAI")]
    // Numbers.
    [InlineData("Publié le 07-12-2023 par", "Publié", "le", "07-12-2023", "par")]
    [InlineData("3,5 et 3.14", "3,5", "et", "3.14")]
    [InlineData("1 000 000 habitants", "1 000 000", "habitants")]
    [InlineData("1\u00A0000\u00A0000 et 25\u202F000", "1\u00A0000\u00A0000", "et", "25\u202F000")]
    [InlineData("en 2023 50 personnes", "en", "2023", "50", "personnes")]
    [InlineData("les 3 000 personnes", "les", "3 000", "personnes")]
    [InlineData("1 000,50 €", "1 000,50", "€")]
    [InlineData("50 % et 20%", "50", "%", "et", "20", "%")]
    [InlineData("le 1er, la 1re, le 2e, le 2nd", "le", "1er", ",", "la", "1re", ",", "le", "2e", ",", "le", "2nd")]
    [InlineData("le XXIe siècle et le XIXème", "le", "XXIe", "siècle", "et", "le", "XIXème")]
    [InlineData("la Ve République et Louis XIV", "la", "Ve", "République", "et", "Louis", "XIV")]
    [InlineData("à 12h30 ou 10:45 ou 9h", "à", "12h30", "ou", "10:45", "ou", "9h")]
    [InlineData("en 2023.", "en", "2023", ".")]
    [InlineData("le 1ᵉʳ et 5km", "le", "1ᵉʳ", "et", "5km")]
    [InlineData("-5 degrés", "-", "5", "degrés")]
    [InlineData("la 4G et la 5G", "la", "4G", "et", "la", "5G")]
    // Abbreviations and initials keep their period.
    [InlineData("M. Dupont et MM. Durand", "M.", "Dupont", "et", "MM.", "Durand")]
    [InlineData("Mme. Martin et Mlle. Petit", "Mme.", "Martin", "et", "Mlle.", "Petit")]
    [InlineData("Dr. House et Pr. Tournesol", "Dr.", "House", "et", "Pr.", "Tournesol")]
    [InlineData("St. Louis et Ste. Anne", "St.", "Louis", "et", "Ste.", "Anne")]
    [InlineData("en 52 av. J.-C. ou apr. J.-C.", "en", "52", "av.", "J.-C.", "ou", "apr.", "J.-C.")]
    [InlineData("p. ex. cf. vol. 2, chap. 3", "p.", "ex.", "cf.", "vol.", "2", ",", "chap.", "3")]
    [InlineData("n° 5 et no. 6", "n°", "5", "et", "no.", "6")]
    [InlineData("J. C. Penney", "J.", "C.", "Penney")]
    [InlineData("aux U.S.A. et la S.A. Total", "aux", "U.S.A.", "et", "la", "S.A.", "Total")]
    [InlineData("c.-à-d. rien", "c.-à-d.", "rien")]
    [InlineData("U.S.A.bis", "U.S.A.", "bis")]
    [InlineData("Ils étaient sept. En sept. 2023", "Ils", "étaient", "sept", ".", "En", "sept.", "2023")]
    [InlineData("Cf. la note", "Cf.", "la", "note")]
    [InlineData("Il a dit non. Elle", "Il", "a", "dit", "non", ".", "Elle")]
    [InlineData("Sony... et Dell", "Sony", "...", "et", "Dell")]
    [InlineData("pommes, poires, etc.", "pommes", ",", "poires", ",", "etc.")]
    [InlineData("etc...", "etc", "...")]
    // URLs, e-mails, mentions, hashtags.
    [InlineData("Voir https://www.lesechos.fr/tech/ia.html.", "Voir", "https://www.lesechos.fr/tech/ia.html", ".")]
    [InlineData("www.example.com, puis", "www.example.com", ",", "puis")]
    [InlineData("(http://a.fr/x?q=1)", "(", "http://a.fr/x?q=1", ")")]
    [InlineData("https://fr.wikipedia.org/wiki/Paris_(France))", "https://fr.wikipedia.org/wiki/Paris_(France)", ")")]
    [InlineData("Écrire à jean.dupont@ibm.com.", "Écrire", "à", "jean.dupont@ibm.com", ".")]
    [InlineData("merci @meta_ai pour #IA2023 !", "merci", "@meta_ai", "pour", "#IA2023", "!")]
    [InlineData("ftp://x.org/f.txt; Node.js", "ftp://x.org/f.txt", ";", "Node.js")]
    [InlineData("le site lesechos.fr ferme", "le", "site", "lesechos.fr", "ferme")]
    // Guillemets and French no-break spacing.
    [InlineData("«\u00A0Bonjour\u00A0»", "«", "Bonjour", "»")]
    [InlineData("Quoi\u202F? Non\u00A0! Ainsi\u00A0: rien\u202F;", "Quoi", "?", "Non", "!", "Ainsi", ":", "rien", ";")]
    [InlineData("« l'innovation »", "«", "l'", "innovation", "»")]
    // Unicode: NFD accents, emoji, zero-width characters, controls, lone surrogates.
    [InlineData("e\u0301te\u0301 e\u0301te\u0301", "e\u0301te\u0301", "e\u0301te\u0301")]
    [InlineData("super 👍🏽 !", "super", "👍🏽", "!")]
    [InlineData("👩‍💻👩‍💻", "👩‍💻", "👩‍💻")]
    [InlineData("🇫🇷🇧🇪", "🇫🇷", "🇧🇪")]
    [InlineData("#️⃣ 1️⃣ 🏳️‍🌈", "#️⃣", "1️⃣", "🏳️‍🌈")]
    [InlineData("😀‍a", "😀", "‍", "a")]
    [InlineData("mot\u200Bmot", "mot", "mot")]
    [InlineData("a\u0001b", "a", "\u0001", "b")]
    [InlineData("𝐀𝐁 x", "𝐀𝐁", "x")]
    [InlineData("mot𑻷 2023𝐀", "mot", "𑻷", "2023𝐀")]
    [InlineData("𝟏𝟐 ans et 𑥘", "𝟏𝟐", "ans", "et", "𑥘")]
    public void Tokens_have_the_expected_texts(string text, params string[] expected)
    {
        Texts(text).Should().Equal(expected);
    }

    [Theory]
    [InlineData("50 %", TokenKind.Number, TokenKind.Symbol)]
    [InlineData("1er XXIe Ier 12h30", TokenKind.Number, TokenKind.Number, TokenKind.Number, TokenKind.Number)]
    [InlineData("Le De Ce Me Vers", TokenKind.Word, TokenKind.Word, TokenKind.Word, TokenKind.Word, TokenKind.Word)]
    [InlineData("l'AI « ! »", TokenKind.Word, TokenKind.Word, TokenKind.Punctuation, TokenKind.Punctuation, TokenKind.Punctuation)]
    [InlineData("https://a.fr a@b.fr @x #y", TokenKind.Url, TokenKind.Email, TokenKind.Mention, TokenKind.Hashtag)]
    [InlineData("5 € + 3 & 😀", TokenKind.Number, TokenKind.Symbol, TokenKind.Symbol, TokenKind.Number, TokenKind.Symbol, TokenKind.Symbol)]
    [InlineData("M. a-t-il", TokenKind.Word, TokenKind.Word, TokenKind.Word)]
    [InlineData("\u0001 \u0301 \u200E", TokenKind.Other, TokenKind.Other, TokenKind.Other)]
    [InlineData("4G", TokenKind.Word)]
    [InlineData("Ve XIV", TokenKind.Number, TokenKind.Word)]
    public void Tokens_have_the_expected_kinds(string text, params TokenKind[] expected)
    {
        FrenchTokenizer.Default.Tokenize(text).Select(t => t.Kind).Should().Equal(expected);
    }

    [Theory]
    [InlineData("Il pleut. Il vente !", 0, 0, 0, 1, 1, 1)]
    [InlineData("Quoi ?! Non...", 0, 0, 1, 1)]
    [InlineData("Il part… Elle reste", 0, 0, 0, 1, 1)]
    [InlineData("« Il part. » Elle reste.", 0, 0, 0, 0, 0, 1, 1, 1)]
    [InlineData("(Il part.) Elle", 0, 0, 0, 0, 0, 1)]
    [InlineData("Il dit \"non.\" Puis", 0, 0, 0, 0, 0, 0, 1)]
    [InlineData("« Quoi ? » dit-il.", 0, 0, 0, 0, 0, 0, 0)]
    [InlineData("Sony...) et Dell.", 0, 0, 0, 0, 0, 0)]
    [InlineData("Titre\n\nTexte", 0, 1)]
    [InlineData("Titre\r\n \t\r\nTexte suite", 0, 1, 1)]
    [InlineData("Titre\nTexte", 0, 1)]
    [InlineData("Titre\ntexte", 0, 0)]
    [InlineData("Il a rencontré les\nDupont", 0, 0, 0, 0, 0)]
    [InlineData("Paris,\nLyon", 0, 0, 0)]
    [InlineData("Photo : AFP\nLe ministre", 0, 0, 0, 1, 1)]
    [InlineData("Il part.\nElle reste", 0, 0, 0, 1, 1)]
    [InlineData("M. Dupont part. Mme. Durand reste.", 0, 0, 0, 0, 1, 1, 1, 1)]
    [InlineData("J. C. Penney vend. Il", 0, 0, 0, 0, 0, 1)]
    [InlineData("en 52 av. J.-C. Rome", 0, 0, 0, 0, 0)]
    [InlineData("pommes, etc. Il part", 0, 0, 0, 1, 1)]
    [InlineData("pommes, etc. et poires", 0, 0, 0, 0, 0)]
    [InlineData("Quoi ? ! Non", 0, 0, 0, 1)]
    [InlineData("Un. Deux. Trois.", 0, 0, 1, 1, 2, 2)]
    [InlineData("Il part. ensuite il revient", 0, 0, 0, 1, 1, 1)]
    [InlineData("Quoi ? non, rien", 0, 0, 0, 0, 0)]
    public void Tokens_have_the_expected_sentence_indices(string text, params int[] expected)
    {
        FrenchTokenizer.Default.Tokenize(text).Select(t => t.SentenceIndex).Should().Equal(expected);
    }

    [Fact]
    public void Lone_surrogates_are_single_other_tokens()
    {
        // Built at run time: attribute arguments cannot carry lone surrogates.
        string text = "a" + '\uD800' + "b " + '\uDC00' + '\uD800';
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        tokens.Select(t => t.GetText(text)).Should().Equal("a", "\uD800", "b", "\uDC00", "\uD800");
        tokens.Select(t => t.Kind).Should().Equal(TokenKind.Word, TokenKind.Other, TokenKind.Word, TokenKind.Other, TokenKind.Other);
    }

    [Fact]
    public void Offsets_index_the_original_string()
    {
        const string text = "«\u00A0L'AI Alliance\u00A0», dit-il.";
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        tokens.Select(t => (t.Start, t.Length)).Should().Equal(
            (0, 1), (2, 2), (4, 2), (7, 8), (16, 1), (17, 1), (19, 3), (22, 3), (25, 1));
    }
}
