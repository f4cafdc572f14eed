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
        return (T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
    }
}
