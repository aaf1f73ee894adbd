using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Bernoulli (opsets 15, 22): each output element is 1 with the probability given by the matching
/// input element (in [0, 1]) and 0 otherwise, as the specification's text and the ONNX reference
/// implementation define it: 1 when u &lt; p, u uniform in [0, 1) (drawn like RandomUniformLike of
/// the input's type). The output type is <c>dtype</c> (any numeric type or bool), by default the
/// input's. Seeding and the generator: <see cref="RandomEngine"/>. Note: ONNX's function body for
/// Bernoulli, Greater(RandomUniformLike(p), p), and ONNX Runtime, which runs that body, give 1 with
/// probability 1 - p; EdgeML follows the text.
/// </summary>
public sealed class Bernoulli : Kernel
{
    private readonly RandomEngine _engine;
    private readonly DataType _type;

    private Bernoulli(RandomEngine engine, DataType type)
    {
        _engine = engine;
        _type = type;
    }

    public static Kernel Create(KernelInfo info)
    {
        var type = info.Attributes.Has("dtype") ? (DataType)info.Attributes.GetInt("dtype", 0) : DataType.Undefined;
        if (type != DataType.Undefined && !IsOutputType(type)) throw info.Error($"dtype {DataTypeInfo.Name(type)} is not supported");
        return new Bernoulli(RandomEngine.For(info), type);
    }

    private static bool IsOutputType(DataType t) => t is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16
        or DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Int64
        or DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64 or DataType.Bool;

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type is not (DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16))
            throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported (float, double, float16, bfloat16)");
        var y = context.Output(0);
        y.Allocate(_type == DataType.Undefined ? x.Type : _type, x.Shape);
        for (int i = 0; i < x.Length; i++)
        {
            double p = KernelHelpers.GetDouble(x, i);
            double u = x.Type == DataType.Double ? _engine.NextDouble() : _engine.NextSingle();
            Set(y, i, u < p);
        }
    }

    private static void Set(Tensor y, int i, bool one)
    {
        switch (y.Type)
        {
            case DataType.Float: y.Span<float>()[i] = one ? 1f : 0f; break;
            case DataType.Double: y.Span<double>()[i] = one ? 1.0 : 0.0; break;
            case DataType.Float16: y.Span<Half>()[i] = one ? Half.One : Half.Zero; break;
            case DataType.BFloat16: y.Span<ushort>()[i] = one ? (ushort)0x3F80 : (ushort)0; break;
            case DataType.Int8: y.Span<sbyte>()[i] = (sbyte)(one ? 1 : 0); break;
            case DataType.Int16: y.Span<short>()[i] = (short)(one ? 1 : 0); break;
            case DataType.Int32: y.Span<int>()[i] = one ? 1 : 0; break;
            case DataType.Int64: y.Span<long>()[i] = one ? 1 : 0; break;
            case DataType.UInt16: y.Span<ushort>()[i] = (ushort)(one ? 1 : 0); break;
            case DataType.UInt32: y.Span<uint>()[i] = one ? 1u : 0u; break;
            case DataType.UInt64: y.Span<ulong>()[i] = one ? 1ul : 0ul; break;
            default: y.Span<byte>()[i] = (byte)(one ? 1 : 0); break; // uint8, bool
        }
    }
}
