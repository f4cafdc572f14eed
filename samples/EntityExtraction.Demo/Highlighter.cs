using System.Globalization;
using EntityExtraction;

/// <summary>
/// Shows a text with its entities marked, then the distinct names by type. Colours on a terminal (unless NO_COLOR is
/// set, https://no-color.org); elsewhere each entity is written <c>[text]TYPE</c>.
/// </summary>
internal sealed class Highlighter(TextWriter output)
{
    private readonly bool _colour = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public void Show(string text, IReadOnlyList<Entity> entities)
    {
        output.WriteLine(_colour
            ? $"{Paint("people", EntityType.Person)}, {Paint("organisations", EntityType.Organization)}, {Paint("places", EntityType.Location)}"
            : "Entities are written [text]TYPE: PER people, ORG organisations, LOC places.");
        output.WriteLine();

        // Offsets index the original string, so the text between entities is copied as it is.
        int at = 0;
        foreach (var entity in entities)
        {
            output.Write(text.AsSpan(at, entity.Start - at));
            output.Write(Paint(entity.Text, entity.Type));
            at = entity.End;
        }
        output.WriteLine(text.AsSpan(at).TrimEnd());
        output.WriteLine();

        foreach (var type in Enum.GetValues<EntityType>())
        {
            var names = entities.Where(e => e.Type == type)
                .GroupBy(e => e.CanonicalName ?? e.Text)
                .Select(g => g.Count() == 1 ? g.Key : string.Create(CultureInfo.InvariantCulture, $"{g.Key} ×{g.Count()}"))
                .ToList();
            output.WriteLine($"{type.ToCode()} ({names.Count}): {string.Join(", ", names)}");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{entities.Count} mentions; {entities.Count(e => e.Source == EntitySource.Gazetteer)} found by the gazetteer, the others by the model."));
    }

    private string Paint(string value, EntityType type)
    {
        if (!_colour) return $"[{value}]{type.ToCode()}";
        string colour = type switch
        {
            EntityType.Person => "\u001b[1;36m",
            EntityType.Organization => "\u001b[1;33m",
            _ => "\u001b[1;35m",
        };
        return $"{colour}{value}\u001b[0m";
    }
}
