using System.Numerics;

namespace EntityExtraction.Model;

/// <summary>Derives the number of bits a [Flags] enum defines, so feature templates that iterate over them never drift from the enum.</summary>
internal static class FlagBits
{
    /// <summary>One past the highest defined bit of <typeparamref name="T"/>.</summary>
    public static int Count<T>()
        where T : struct, Enum
    {
        ulong all = 0;
        foreach (var value in Enum.GetValues<T>()) all |= Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return all == 0 ? 0 : 64 - BitOperations.LeadingZeroCount(all);
    }
}
