namespace EntityExtraction.Training.Evaluation;

/// <summary>Why a gold entity was not found exactly, or why a prediction is wrong.</summary>
public enum ErrorKind
{
    /// <summary>The right span with another type.</summary>
    WrongType,

    /// <summary>Predicted inside the gold span, missing its end: "[Autorité] des marchés financiers".</summary>
    MissingEnd,

    /// <summary>Predicted inside the gold span, missing its start: "Le [Mans]", "Arabie [saoudite]".</summary>
    MissingStart,

    /// <summary>Predicted inside the gold span, missing both ends.</summary>
    MissingBothEnds,

    /// <summary>Predicted beyond the gold span: "[le président Macron]".</summary>
    TooLong,

    /// <summary>The prediction crosses one end of the gold span.</summary>
    Shifted,

    /// <summary>Two or more predictions inside one gold name: "[Banque] de [France]".</summary>
    Split,

    /// <summary>One prediction over two or more gold names: "[Paris et Lyon]".</summary>
    Merged,

    /// <summary>No prediction overlaps the gold entity.</summary>
    Missed,

    /// <summary>A prediction that overlaps no gold entity.</summary>
    Spurious,
}
