using System.Globalization;

namespace EntityExtraction.Rendering;

/// <summary>
/// Checks that entities can be drawn on their text: each inside it, not splitting a surrogate pair, with the text its
/// span holds, of a defined type, after the previous one and not overlapping it. A problem is an
/// <see cref="ArgumentException"/> naming the entity by its index and span.
/// </summary>
internal static class EntitySpans
{
    public static void Check(string text, IReadOnlyList<Entity> entities, string parameterName, string? document = null)
    {
        string where = document is null ? "" : document + ": ";
        Entity? previous = null;
        for (int i = 0; i < entities.Count; i++)
        {
            var entity = entities[i] ?? throw new ArgumentException(Problem(where, i, null, "is null"), parameterName);
            string? problem = null;
            if (entity.Start < 0 || entity.Length <= 0 || entity.End > text.Length || entity.End < entity.Start)
                problem = entity.Length <= 0 ? "is empty or of negative length" : $"is outside the text (length {text.Length})";
            else if (!Enum.IsDefined(entity.Type))
                problem = $"has an undefined type ({(int)entity.Type})";
            else if (!Enum.IsDefined(entity.Source))
                problem = $"has an undefined source ({(int)entity.Source})";
            else if (SplitsPair(text, entity.Start) || SplitsPair(text, entity.End))
                problem = "splits a surrogate pair (UTF-16 offsets must fall between characters)";
            else if (!text.AsSpan(entity.Start, entity.Length).SequenceEqual(entity.Text))
                problem = $"has the text \"{Shorten(entity.Text)}\" but its span holds \"{Shorten(text.Substring(entity.Start, entity.Length))}\" (entities of another text?)";
            else if (previous is not null && entity.Start < previous.Start)
                problem = $"starts before entities[{i - 1}] {Span(previous)}: entities must be sorted by start";
            else if (previous is not null && entity.Start < previous.End)
                problem = $"overlaps entities[{i - 1}] {Span(previous)}";
            if (problem is not null) throw new ArgumentException(Problem(where, i, entity, problem), parameterName);
            previous = entity;
        }
    }

    private static string Problem(string where, int index, Entity? entity, string problem) =>
        $"{where}entities[{index}]{(entity is null ? "" : " " + Span(entity))} {problem}.";

    private static string Span(Entity entity) => string.Create(CultureInfo.InvariantCulture,
        $"[{entity.Start}..{(long)entity.Start + entity.Length}) \"{Shorten(entity.Text)}\"");

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";

    private static bool SplitsPair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);
}
