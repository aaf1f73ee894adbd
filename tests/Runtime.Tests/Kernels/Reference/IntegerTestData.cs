using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>Random 8-bit and string tensors for the quantisation and string kernel tests.</summary>
internal static class IntegerTestData
{
    public static Tensor Bytes(string name, DataType type, long[] shape, int seed)
    {
        var rng = new Random(seed);
        var t = new Tensor(name);
        t.Allocate(type, shape);
        if (type == DataType.Int8) foreach (ref var v in t.Span<sbyte>()) v = (sbyte)rng.Next(-128, 128);
        else foreach (ref var v in t.Span<byte>()) v = (byte)rng.Next(0, 256);
        return t;
    }

    public static Tensor Strings(string name, long[] shape, params string[] values)
    {
        var t = new Tensor(name);
        t.Allocate(DataType.String, shape);
        values.AsSpan().CopyTo(t.Strings);
        return t;
    }
}
