using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>An operator folding any number of inputs elementwise (Max, Min, Sum, Mean).</summary>
public interface IVariadicOperator
{
    /// <summary>Combines the running value with the next input's element.</summary>
    static abstract T Combine<T>(T accumulated, T x) where T : INumber<T>;

    /// <summary>The result from the folded value of <paramref name="count"/> inputs.</summary>
    static abstract T Finish<T>(T accumulated, int count) where T : INumber<T>;
}

/// <summary>
/// Folds one or more inputs with multidirectional broadcasting: the output has the broadcast shape
/// of all inputs; it receives Combine(x0, x1), then Combine(y, x2), ... in place, then Finish.
/// Every numeric type; bfloat16 is computed in float32 and rounded at every step.
/// </summary>
public sealed class VariadicKernel<TOp> : Kernel where TOp : IVariadicOperator
{
    public static Kernel Create(KernelInfo info)
    {
        if (info.InputCount < 1) throw info.Error("at least one input is required");
        return new VariadicKernel<TOp>();
    }

    public override void Execute(KernelContext context)
    {
        int count = context.InputCount;
        var first = context.Input(0);
        Span<long> shape = stackalloc long[Broadcast.MaxRank];
        Span<long> next = stackalloc long[Broadcast.MaxRank];
        first.Shape.CopyTo(shape);
        int rank = first.Rank;
        for (int k = 1; k < count; k++)
        {
            var x = context.Input(k);
            if (x.Type != first.Type) throw context.Error($"input {k} is {DataTypeInfo.Name(x.Type)}, input 0 is {DataTypeInfo.Name(first.Type)}");
            rank = Broadcast.Shape(shape[..rank], x.Shape, next, "inputs");
            next[..rank].CopyTo(shape);
        }
        var y = context.Output(0);
        y.Allocate(first.Type, shape[..rank]);
        switch (first.Type)
        {
            case DataType.Float: Run<float>(context, y); break;
            case DataType.Double: Run<double>(context, y); break;
            case DataType.Float16: Run<Half>(context, y); break;
            case DataType.Int8: Run<sbyte>(context, y); break;
            case DataType.Int16: Run<short>(context, y); break;
            case DataType.Int32: Run<int>(context, y); break;
            case DataType.Int64: Run<long>(context, y); break;
            case DataType.UInt8: Run<byte>(context, y); break;
            case DataType.UInt16: Run<ushort>(context, y); break;
            case DataType.UInt32: Run<uint>(context, y); break;
            case DataType.UInt64: Run<ulong>(context, y); break;
            case DataType.BFloat16: RunBFloat16(context, y); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(first.Type)} is not supported");
        }
    }

    private static void Run<T>(KernelContext context, Tensor y) where T : unmanaged, INumber<T>
    {
        int count = context.InputCount;
        var output = y.Span<T>();
        var x0 = context.Input(0);
        if (count == 1)
        {
            BinaryLoops.Map<T, T, First<T>>(x0.ReadOnlySpan<T>(), x0.Shape, output, y.Shape, output, y.Shape);
        }
        else
        {
            var x1 = context.Input(1);
            BinaryLoops.Map<T, T, Combiner<T>>(x0.ReadOnlySpan<T>(), x0.Shape, x1.ReadOnlySpan<T>(), x1.Shape, output, y.Shape);
            // Each later input folds into the output in place: element i is read before it is written.
            for (int k = 2; k < count; k++)
            {
                var x = context.Input(k);
                BinaryLoops.Map<T, T, Combiner<T>>(output, y.Shape, x.ReadOnlySpan<T>(), x.Shape, output, y.Shape);
            }
        }
        for (int i = 0; i < output.Length; i++) output[i] = TOp.Finish(output[i], count);
    }

    private static void RunBFloat16(KernelContext context, Tensor y)
    {
        int count = context.InputCount;
        var output = y.Span<ushort>();
        var x0 = context.Input(0);
        if (count == 1)
        {
            BinaryLoops.Map<ushort, ushort, First<ushort>>(x0.ReadOnlySpan<ushort>(), x0.Shape, output, y.Shape, output, y.Shape);
        }
        else
        {
            var x1 = context.Input(1);
            BinaryLoops.Map<ushort, ushort, BFloat16Combiner>(x0.ReadOnlySpan<ushort>(), x0.Shape, x1.ReadOnlySpan<ushort>(), x1.Shape, output, y.Shape);
            for (int k = 2; k < count; k++)
            {
                var x = context.Input(k);
                BinaryLoops.Map<ushort, ushort, BFloat16Combiner>(output, y.Shape, x.ReadOnlySpan<ushort>(), x.Shape, output, y.Shape);
            }
        }
        for (int i = 0; i < output.Length; i++) output[i] = BFloat16.FromSingle(TOp.Finish(BFloat16.ToSingle(output[i]), count));
    }

    /// <summary>Broadcasts the first operand (the second is the output itself, ignored).</summary>
    private readonly struct First<T> : BinaryLoops.IMap<T, T>
    {
        public static T Apply(T a, T b) => a;
    }

    private readonly struct Combiner<T> : BinaryLoops.IMap<T, T> where T : INumber<T>
    {
        public static T Apply(T a, T b) => TOp.Combine(a, b);
    }

    private readonly struct BFloat16Combiner : BinaryLoops.IMap<ushort, ushort>
    {
        public static ushort Apply(ushort a, ushort b) => BFloat16.FromSingle(TOp.Combine(BFloat16.ToSingle(a), BFloat16.ToSingle(b)));
    }
}
