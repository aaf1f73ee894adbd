using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// float16 and bfloat16 tensors are computed in float32, as ONNX Runtime does: inputs are widened
/// into scratch arrays, the float kernel runs, and the result is rounded back once. The scratch
/// arrays are fields of the kernel that grow once, so steady-state runs do not allocate.
/// </summary>
public static class FloatStaging
{
    /// <summary>True for the element types that are computed through float32 scratch buffers.</summary>
    public static bool IsStaged(DataType type) => type is DataType.Float16 or DataType.BFloat16;

    /// <summary>A float32 scratch span of <paramref name="count"/> elements, growing <paramref name="scratch"/> when needed.</summary>
    public static Span<float> Scratch(ref float[]? scratch, long count)
    {
        if (scratch == null || scratch.Length < count) scratch = new float[Math.Max(count, 1)];
        return scratch.AsSpan(0, (int)count);
    }

    /// <summary>The elements of a float, float16 or bfloat16 tensor as float32; float tensors are
    /// returned in place, the others are widened into <paramref name="scratch"/>.</summary>
    public static ReadOnlySpan<float> Widen(Tensor t, ref float[]? scratch)
    {
        switch (t.Type)
        {
            case DataType.Float:
                return t.ReadOnlySpan<float>();
            case DataType.Float16:
            {
                var src = t.ReadOnlySpan<Half>();
                var dst = Scratch(ref scratch, src.Length);
                for (int i = 0; i < src.Length; i++) dst[i] = (float)src[i];
                return dst;
            }
            case DataType.BFloat16:
            {
                var src = t.ReadOnlySpan<ushort>();
                var dst = Scratch(ref scratch, src.Length);
                for (int i = 0; i < src.Length; i++) dst[i] = BFloat16.ToSingle(src[i]);
                return dst;
            }
            default:
                throw new EdgeMLException($"'{t.Name}': {DataTypeInfo.Name(t.Type)} cannot be read as float32");
        }
    }

    /// <summary>Like <see cref="Widen"/>, but also accepts double, rounded to float32 (for kernels
    /// that compute every float type in float32).</summary>
    public static ReadOnlySpan<float> ToFloat32(Tensor t, ref float[]? scratch)
    {
        if (t.Type != DataType.Double) return Widen(t, ref scratch);
        var src = t.ReadOnlySpan<double>();
        var dst = Scratch(ref scratch, src.Length);
        for (int i = 0; i < src.Length; i++) dst[i] = (float)src[i];
        return dst;
    }

    /// <summary>Like <see cref="Narrow"/>, but also writes double outputs.</summary>
    public static void FromFloat32(ReadOnlySpan<float> source, Tensor destination)
    {
        if (destination.Type != DataType.Double)
        {
            Narrow(source, destination);
            return;
        }
        var dst = destination.Span<double>();
        for (int i = 0; i < dst.Length; i++) dst[i] = source[i];
    }

    /// <summary>Rounds <paramref name="source"/> into <paramref name="destination"/>, an allocated
    /// float, float16 or bfloat16 tensor of the same length.</summary>
    public static void Narrow(ReadOnlySpan<float> source, Tensor destination)
    {
        switch (destination.Type)
        {
            case DataType.Float:
                source.CopyTo(destination.Span<float>());
                break;
            case DataType.Float16:
            {
                var dst = destination.Span<Half>();
                for (int i = 0; i < dst.Length; i++) dst[i] = (Half)source[i];
                break;
            }
            case DataType.BFloat16:
            {
                var dst = destination.Span<ushort>();
                for (int i = 0; i < dst.Length; i++) dst[i] = BFloat16.FromSingle(source[i]);
                break;
            }
            default:
                throw new EdgeMLException($"'{destination.Name}': {DataTypeInfo.Name(destination.Type)} cannot be written from float32");
        }
    }

    /// <summary>The float32 output span for <paramref name="y"/>: its own storage when it is float,
    /// else scratch to be narrowed into it with <see cref="Narrow"/> afterwards.</summary>
    public static Span<float> Output(Tensor y, ref float[]? scratch)
        => y.Type == DataType.Float ? y.Span<float>() : Scratch(ref scratch, y.Length);

    /// <summary>Completes <see cref="Output"/>: narrows the scratch into <paramref name="y"/> when it is not float.</summary>
    public static void Complete(Tensor y, ReadOnlySpan<float> result)
    {
        if (y.Type != DataType.Float) Narrow(result, y);
    }
}
