namespace EntityExtraction.Rendering;

/// <summary>
/// How <see cref="EntityHtmlRenderer"/> writes its HTML. Immutable: set the properties by name when creating it
/// (<c>new EntityHtmlOptions { Title = "Revue de presse", IncludeTable = false }</c>).
/// </summary>
public sealed class EntityHtmlOptions
{
    /// <summary>The page's title (its <c>&lt;title&gt;</c> and first heading); ignored by fragments. Default: <c>Entities</c>.</summary>
    public string Title { get; init; } = "Entities";

    /// <summary>Whether a table of the entities (text, type, start, end, source, confidence, canonical name) follows the
    /// highlighted text. Default: true.</summary>
    public bool IncludeTable { get; init; } = true;

    /// <summary>The language of the rendered texts, a BCP 47 tag written in their <c>lang</c> attribute (so that screen
    /// readers and hyphenation treat them as such; the labels around them are English). Default: <c>fr</c>.</summary>
    public string Language { get; init; } = "fr";
}
