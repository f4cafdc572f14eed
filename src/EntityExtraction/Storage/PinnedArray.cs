using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EntityExtraction.Storage;

/// <summary>
/// Arrays on the pinned object heap, addressed by pointer. The model's tables are read through pointers so that the
/// same code serves tables built in memory (training, compact model files) and tables read in place from a mapped
/// model image (<see cref="Model.ModelImage"/>), which never move either.
/// </summary>
internal static unsafe class PinnedArray
{
    /// <summary>A zeroed pinned array of <paramref name="length"/> items and the address of its first item.</summary>
    /// <param name="length">Number of items.</param>
    /// <param name="array">The array: whoever uses the pointer keeps it referenced.</param>
    public static T* Allocate<T>(int length, out T[] array)
        where T : unmanaged
    {
        array = GC.AllocateArray<T>(length, pinned: true);
        return Address(array);
    }

    /// <summary>A copy of <paramref name="items"/> on the pinned object heap (for tables built with growing arrays, frozen once).</summary>
    public static T[] Copy<T>(ReadOnlySpan<T> items)
        where T : unmanaged
    {
        var pinned = GC.AllocateUninitializedArray<T>(items.Length, pinned: true);
        items.CopyTo(pinned);
        return pinned;
    }

    /// <summary>The address of the first item of an array from <see cref="Allocate{T}"/> or <see cref="Copy{T}"/>.</summary>
    public static T* Address<T>(T[] pinned)
        where T : unmanaged => (T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
}
