namespace EntityExtraction.Rendering;

/// <summary>One document of a page that shows several (<see cref="EntityHtmlRenderer.RenderPage(IEnumerable{EntityHtmlDocument})"/>):
/// its id, its text and the entities found in it.</summary>
public sealed class EntityHtmlDocument
{
    /// <summary>Creates a document to render.</summary>
    /// <param name="id">The document's id, shown as its section's heading; null for "Document N".</param>
    /// <param name="text">The text the entities were found in.</param>
    /// <param name="entities">Its entities, in text order and not overlapping, as <see cref="FrenchEntityExtractor.Extract(string)"/> returns them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="entities"/> is null.</exception>
    public EntityHtmlDocument(string? id, string text, IReadOnlyList<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        Id = id;
        Text = text;
        Entities = entities;
    }

    /// <summary>The document's id, or null.</summary>
    public string? Id { get; }

    /// <summary>The document's text.</summary>
    public string Text { get; }

    /// <summary>The entities found in <see cref="Text"/>.</summary>
    public IReadOnlyList<Entity> Entities { get; }
}
