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
/// Every numeric type; float16 and bfloat16 accumulate in float32 (scratch grown once) and are
/// rounded once at the end, as ONNX Runtime does.
/// </summary>
public sealed class VariadicKernel<TOp> : Kernel where TOp : IVariadicOperator
{
    private float[] _accumulator = [];
    private float[] _input = [];

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
            case DataType.Float16: RunInSingle(context, y); break;
            case DataType.Int8: Run<sbyte>(context, y); break;
            case DataType.Int16: Run<short>(context, y); break;
            case DataType.Int32: Run<int>(context, y); break;
            case DataType.Int64: Run<long>(context, y); break;
            case DataType.UInt8: Run<byte>(context, y); break;
            case DataType.UInt16: Run<ushort>(context, y); break;
            case DataType.UInt32: Run<uint>(context, y); break;
            case DataType.UInt64: Run<ulong>(context, y); break;
            case DataType.BFloat16: RunInSingle(context, y); break;
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

    /// <summary>float16 and bfloat16: every input widened to float32, folded there, rounded once.</summary>
    private void RunInSingle(KernelContext context, Tensor y)
    {
        int count = context.InputCount;
        int n = (int)y.Length;
        if (_accumulator.Length < n) _accumulator = new float[n];
        var accumulator = _accumulator.AsSpan(0, n);
        for (int k = 0; k < count; k++)
        {
            var x = context.Input(k);
            var widened = Widen(x);
            if (k == 0) BinaryLoops.Map<float, float, First<float>>(widened, x.Shape, accumulator, y.Shape, accumulator, y.Shape);
            else BinaryLoops.Map<float, float, Combiner<float>>(accumulator, y.Shape, widened, x.Shape, accumulator, y.Shape);
        }
        if (y.Type == DataType.Float16)
        {
            var output = y.Span<Half>();
            for (int i = 0; i < n; i++) output[i] = (Half)TOp.Finish(accumulator[i], count);
        }
        else
        {
            var output = y.Span<ushort>();
            for (int i = 0; i < n; i++) output[i] = BFloat16.FromSingle(TOp.Finish(accumulator[i], count));
        }
    }

    private ReadOnlySpan<float> Widen(Tensor x)
    {
        int n = (int)x.Length;
        if (_input.Length < n) _input = new float[n];
        var widened = _input.AsSpan(0, n);
        if (x.Type == DataType.Float16)
        {
            var s = x.ReadOnlySpan<Half>();
            for (int i = 0; i < n; i++) widened[i] = (float)s[i];
        }
        else
        {
            var s = x.ReadOnlySpan<ushort>();
            for (int i = 0; i < n; i++) widened[i] = BFloat16.ToSingle(s[i]);
        }
        return widened;
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
}
