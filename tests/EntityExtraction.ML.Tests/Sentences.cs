namespace EntityExtraction.ML.Tests;

/// <summary>A row of the tests' data: a French text and, for training, a label.</summary>
public sealed class Sentence
{
    public string? Text { get; set; }

    public string Label { get; set; } = "";
}

/// <summary>Small labelled French data, written for these tests: companies and the economy, or travel and places.</summary>
internal static class Sentences
{
    public const string AiAlliance = "Meta et IBM lancent l'AI Alliance, écrit Sylvain Rolland.";

    public static Sentence[] Training { get; } =
    [
        new() { Text = "Renault et Stellantis annoncent des résultats en hausse au premier trimestre.", Label = "economie" },
        new() { Text = "La Société générale supprime 900 postes, selon son directeur Slawomir Krupa.", Label = "economie" },
        new() { Text = "Airbus livre 60 avions en mars et rassure ses actionnaires.", Label = "economie" },
        new() { Text = "Le groupe Danone cède sa filiale russe à un fonds d'investissement.", Label = "economie" },
        new() { Text = "Orange et Bouygues Telecom discutent d'un rapprochement de leurs réseaux.", Label = "economie" },
        new() { Text = "Total Energies investit deux milliards d'euros dans l'éolien en mer.", Label = "economie" },
        new() { Text = "Michelin ferme deux usines et annonce un plan social.", Label = "economie" },
        new() { Text = "La Banque de France relève sa prévision de croissance pour l'année.", Label = "economie" },
        new() { Text = "Carrefour rachète les magasins de Cora, a confirmé Alexandre Bompard.", Label = "economie" },
        new() { Text = "Sanofi publie un chiffre d'affaires supérieur aux attentes des analystes.", Label = "economie" },
        new() { Text = "Nous avons visité Lyon puis Annecy, au bord du lac.", Label = "voyage" },
        new() { Text = "De Marseille, le bateau rejoint la Corse en une nuit.", Label = "voyage" },
        new() { Text = "Le train de nuit relie Paris à Briançon en dix heures.", Label = "voyage" },
        new() { Text = "À Bordeaux, le miroir d'eau attire les promeneurs le soir.", Label = "voyage" },
        new() { Text = "Une randonnée dans les Pyrénées mène au cirque de Gavarnie.", Label = "voyage" },
        new() { Text = "Nous passerons l'été en Bretagne, entre Quimper et Brest.", Label = "voyage" },
        new() { Text = "La route des vins traverse l'Alsace de Strasbourg à Colmar.", Label = "voyage" },
        new() { Text = "Le Mont-Saint-Michel reçoit des millions de visiteurs chaque année.", Label = "voyage" },
        new() { Text = "Depuis Nice, on longe la côte jusqu'à Menton.", Label = "voyage" },
        new() { Text = "Le vol pour Montréal part de Nantes chaque mardi.", Label = "voyage" },
    ];

    public static Sentence[] Unseen { get; } =
    [
        new() { Text = AiAlliance, Label = "economie" },
        new() { Text = "Peugeot augmente ses prix en Allemagne.", Label = "economie" },
        new() { Text = "Un week-end à Toulouse et à Albi.", Label = "voyage" },
        new() { Text = "", Label = "voyage" },
        new() { Text = "il pleut", Label = "voyage" },
    ];
}
