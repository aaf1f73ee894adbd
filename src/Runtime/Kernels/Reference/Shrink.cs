using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Shrink: x + bias where x &lt; -lambd, x - bias where x &gt; lambd, else 0 (attributes
/// <c>bias</c>, default 0, and <c>lambd</c>, default 0.5). Every numeric type; the arithmetic is
/// done in double and converted back (truncating for integers).</summary>
public sealed class Shrink : Kernel
{
    private readonly double _bias;
    private readonly double _lambd;

    private Shrink(double bias, double lambd)
    {
        _bias = bias;
        _lambd = lambd;
    }

    public static Kernel Create(KernelInfo info)
        => new Shrink(info.Attributes.GetFloat("bias", 0f), info.Attributes.GetFloat("lambd", 0.5f));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape);
        switch (x.Type)
        {
            case DataType.Float: Run<float>(x, y); break;
            case DataType.Double: Run<double>(x, y); break;
            case DataType.Float16: Run<Half>(x, y); break;
            case DataType.Int8: Run<sbyte>(x, y); break;
            case DataType.Int16: Run<short>(x, y); break;
            case DataType.Int32: Run<int>(x, y); break;
            case DataType.Int64: Run<long>(x, y); break;
            case DataType.UInt8: Run<byte>(x, y); break;
            case DataType.UInt16: Run<ushort>(x, y); break;
            case DataType.UInt32: Run<uint>(x, y); break;
            case DataType.UInt64: Run<ulong>(x, y); break;
            case DataType.BFloat16:
            {
                var s = x.ReadOnlySpan<ushort>();
                var d = y.Span<ushort>();
                for (int i = 0; i < d.Length; i++) d[i] = BFloat16.FromSingle((float)Apply(BFloat16.ToSingle(s[i])));
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(Tensor x, Tensor y) where T : unmanaged, INumber<T>
    {
        var s = x.ReadOnlySpan<T>();
        var d = y.Span<T>();
        for (int i = 0; i < d.Length; i++) d[i] = T.CreateTruncating(Apply(double.CreateTruncating(s[i])));
    }

    private double Apply(double v) => v < -_lambd ? v + _bias : v > _lambd ? v - _bias : 0;
}
