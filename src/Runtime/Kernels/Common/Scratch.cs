namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Scratch arrays that kernels keep as fields: grown when a run needs more, then reused,
/// so Execute allocates only on the first run with a larger shape.</summary>
public static class Scratch
{
    /// <summary>Returns the first <paramref name="length"/> elements of <paramref name="buffer"/>, growing it first when too small.</summary>
    public static Span<T> Ensure<T>(ref T[] buffer, long length)
    {
        if (length > int.MaxValue) throw new EdgeMLException($"scratch buffer of {length} elements is too large");
        if (buffer.Length < length) buffer = new T[length];
        return buffer.AsSpan(0, (int)length);
    }
}
