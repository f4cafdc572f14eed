namespace EntityExtraction.Model;

/// <summary>Table sizing for the open-addressing maps: a power of two at most half full.</summary>
internal static class HashCapacity
{
    public static int For(int count)
    {
        int capacity = 16;
        while (capacity < count * 2) capacity <<= 1;
        return capacity;
    }
}
