using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// The output of the random-number operators. RandomNormal and RandomUniform take the <c>shape</c>
/// attribute and the <c>dtype</c> attribute (default float32); their -Like forms take the input's
/// shape and, unless <c>dtype</c> is given, its element type. The type is one of float, double,
/// float16, bfloat16.
/// </summary>
public readonly struct RandomOutput
{
    private readonly long[]? _shape;
    private readonly DataType _type;

    private RandomOutput(long[]? shape, DataType type)
    {
        _shape = shape;
        _type = type;
    }

    /// <summary>Reads the attributes; <paramref name="like"/> for the -Like forms.</summary>
    public static RandomOutput Read(KernelInfo info, bool like)
    {
        long[]? shape = null;
        if (!like)
        {
            shape = info.Attributes.GetIntsOrNull("shape") ?? throw info.Error("needs the attribute 'shape'");
            foreach (var d in shape) if (d < 0) throw info.Error($"shape [{string.Join(",", shape)}] has a negative dimension");
        }
        // Undefined: a -Like form takes the input's type at run time.
        var type = info.Attributes.Has("dtype") ? (DataType)info.Attributes.GetInt("dtype", 0) : like ? DataType.Undefined : DataType.Float;
        if (type != DataType.Undefined && !IsSupported(type))
            throw info.Error($"dtype {DataTypeInfo.Name(type)} is not supported (float, double, float16, bfloat16)");
        return new RandomOutput(shape, type);
    }

    /// <summary>Allocates and returns the output of this run.</summary>
    public Tensor Allocate(KernelContext context)
    {
        var y = context.Output(0);
        if (_shape != null)
        {
            y.Allocate(_type, _shape);
            return y;
        }
        var x = context.Input(0);
        if (_type == DataType.Undefined && !IsSupported(x.Type))
            throw context.Error($"the input is {DataTypeInfo.Name(x.Type)}; give a float dtype for the output");
        y.Allocate(_type == DataType.Undefined ? x.Type : _type, x.Shape);
        return y;
    }

    private static bool IsSupported(DataType t) => t is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16;
}
