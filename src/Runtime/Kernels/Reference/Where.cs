using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Where: x where the condition is true, else y; the three inputs broadcast together. Any
/// element type of at least 8 bits, strings included.</summary>
public sealed class Where : Kernel
{
    public static Kernel Create(KernelInfo info) => new Where();

    public override void Execute(KernelContext context)
    {
        var condition = context.Input(0);
        var x = context.Input(1);
        var y = context.Input(2);
        var output = context.Output(0);
        if (condition.Type != DataType.Bool) throw context.Error($"the condition must be bool, not {DataTypeInfo.Name(condition.Type)}");
        if (x.Type != y.Type) throw context.Error($"x and y differ in type: {DataTypeInfo.Name(x.Type)} and {DataTypeInfo.Name(y.Type)}");
        Span<long> shape = stackalloc long[Broadcast.MaxRank];
        Span<long> shape2 = stackalloc long[Broadcast.MaxRank];
        int rank = Broadcast.Shape(condition.Shape, x.Shape, shape, "inputs");
        rank = Broadcast.Shape(shape[..rank], y.Shape, shape2, "inputs");
        output.Allocate(x.Type, shape2[..rank]);
        var c = condition.ReadOnlySpan<byte>();
        if (x.Type == DataType.String)
        {
            Select<string>(c, condition.Shape, x.Strings, x.Shape, y.Strings, y.Shape, output.Strings, output.Shape);
            return;
        }
        switch (DataTypeInfo.BitsPerElement(x.Type))
        {
            case 8: Select(c, condition.Shape, x.ReadOnlySpan<byte>(), x.Shape, y.ReadOnlySpan<byte>(), y.Shape, output.Span<byte>(), output.Shape); break;
            case 16: Select(c, condition.Shape, x.ReadOnlySpan<ushort>(), x.Shape, y.ReadOnlySpan<ushort>(), y.Shape, output.Span<ushort>(), output.Shape); break;
            case 32: Select(c, condition.Shape, x.ReadOnlySpan<uint>(), x.Shape, y.ReadOnlySpan<uint>(), y.Shape, output.Span<uint>(), output.Shape); break;
            case 64: Select(c, condition.Shape, x.ReadOnlySpan<ulong>(), x.Shape, y.ReadOnlySpan<ulong>(), y.Shape, output.Span<ulong>(), output.Shape); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    /// <summary>out[i] = c[i] ? x[i] : y[i] with each input read through its broadcast strides.</summary>
    private static void Select<T>(ReadOnlySpan<byte> c, ReadOnlySpan<long> cShape, ReadOnlySpan<T> x, ReadOnlySpan<long> xShape,
        ReadOnlySpan<T> y, ReadOnlySpan<long> yShape, Span<T> output, ReadOnlySpan<long> shape)
    {
        int n = output.Length;
        if (n == 0) return;
        int rank = shape.Length;
        if (rank == 0)
        {
            output[0] = c[0] != 0 ? x[0] : y[0];
            return;
        }
        Span<long> sc = stackalloc long[rank];
        Span<long> sx = stackalloc long[rank];
        Span<long> sy = stackalloc long[rank];
        Span<long> index = stackalloc long[rank];
        Broadcast.Strides(cShape, shape, sc);
        Broadcast.Strides(xShape, shape, sx);
        Broadcast.Strides(yShape, shape, sy);
        index.Clear();
        long oc = 0, ox = 0, oy = 0;
        for (int i = 0; i < n; i++)
        {
            output[i] = c[(int)oc] != 0 ? x[(int)ox] : y[(int)oy];
            // Advance the index, innermost dimension first.
            for (int d = rank - 1; d >= 0; d--)
            {
                index[d]++;
                oc += sc[d];
                ox += sx[d];
                oy += sy[d];
                if (index[d] < shape[d]) break;
                oc -= sc[d] * shape[d];
                ox -= sx[d] * shape[d];
                oy -= sy[d] * shape[d];
                index[d] = 0;
            }
        }
    }
}
