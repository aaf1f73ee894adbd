using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Range: start, start + delta, ... up to (not including) limit; the count is
/// max(ceil((limit - start) / delta), 0). Each value is computed by repeated addition, as ONNX defines.</summary>
public sealed class Range : Kernel
{
    public static Kernel Create(KernelInfo info) => new Range();

    public override void Execute(KernelContext context)
    {
        var start = context.Input(0);
        var limit = context.Input(1);
        var delta = context.Input(2);
        var y = context.Output(0);
        if (start.Length != 1 || limit.Length != 1 || delta.Length != 1) throw context.Error("start, limit and delta must be scalars");
        if (start.Type != limit.Type || start.Type != delta.Type) throw context.Error("start, limit and delta must have the same type");
        switch (start.Type)
        {
            case DataType.Float: Run<float>(context, start, limit, delta, y); break;
            case DataType.Double: Run<double>(context, start, limit, delta, y); break;
            case DataType.Int16: Run<short>(context, start, limit, delta, y); break;
            case DataType.Int32: Run<int>(context, start, limit, delta, y); break;
            case DataType.Int64: Run<long>(context, start, limit, delta, y); break;
            case DataType.Float16: Run<Half>(context, start, limit, delta, y); break;
            case DataType.BFloat16: RunBFloat16(context, start, limit, delta, y); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(start.Type)} is not supported");
        }
    }

    private static void Run<T>(KernelContext context, Tensor start, Tensor limit, Tensor delta, Tensor y) where T : unmanaged, INumber<T>
    {
        T s = start.ReadOnlySpan<T>()[0], l = limit.ReadOnlySpan<T>()[0], d = delta.ReadOnlySpan<T>()[0];
        if (T.IsZero(d)) throw context.Error("delta must not be zero");
        double n = Math.Ceiling((double.CreateChecked(l) - double.CreateChecked(s)) / double.CreateChecked(d));
        long count = (long)Math.Max(n, 0);
        Span<long> shape = [count];
        y.Allocate(start.Type, shape);
        var dst = y.Span<T>();
        T v = s;
        for (int i = 0; i < count; i++)
        {
            dst[i] = v;
            v += d;
        }
    }

    private static void RunBFloat16(KernelContext context, Tensor start, Tensor limit, Tensor delta, Tensor y)
    {
        float s = BFloat16.ToSingle(start.ReadOnlySpan<ushort>()[0]);
        float l = BFloat16.ToSingle(limit.ReadOnlySpan<ushort>()[0]);
        float d = BFloat16.ToSingle(delta.ReadOnlySpan<ushort>()[0]);
        if (d == 0) throw context.Error("delta must not be zero");
        long count = (long)Math.Max(Math.Ceiling(((double)l - s) / d), 0);
        Span<long> shape = [count];
        y.Allocate(DataType.BFloat16, shape);
        var dst = y.Span<ushort>();
        ushort v = BFloat16.FromSingle(s);
        for (int i = 0; i < count; i++)
        {
            dst[i] = v;
            v = BFloat16.FromSingle(BFloat16.ToSingle(v) + d);
        }
    }
}
