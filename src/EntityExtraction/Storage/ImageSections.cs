using System.Runtime.InteropServices;

namespace EntityExtraction.Storage;

/// <summary>
/// The layout both images share (<c>Model/ModelImage.cs</c>, <c>Gazetteers/GazetteerResource.cs</c>): after a header
/// written with a <see cref="BinaryWriter"/>, arrays of fixed-size little-endian items, each starting at a multiple of
/// <see cref="Alignment"/> bytes from the payload start, so that the reader finds them by arithmetic alone.
/// </summary>
internal static class ImageSections
{
    public const int Alignment = 8;

    /// <summary>Pads the payload to the next section start and writes <paramref name="items"/> as they lie in memory.</summary>
    public static void Write<T>(BinaryWriter writer, ReadOnlySpan<T> items)
        where T : unmanaged
    {
        while (writer.BaseStream.Position % Alignment != 0) writer.Write((byte)0);
        writer.Write(MemoryMarshal.AsBytes(items));
    }

    /// <summary>Where the next section of <paramref name="count"/> items of <paramref name="size"/> bytes starts, moving <paramref name="at"/> past it.</summary>
    public static long Next(ref long at, long count, int size)
    {
        at = (at + Alignment - 1) & ~(long)(Alignment - 1);
        long start = at;
        at += count * size;
        return start;
    }
}
