using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>The output element type of the random-number operators: the <c>dtype</c> attribute,
/// or (the -Like forms) the input's type; one of float, double, float16, bfloat16.</summary>
public static class RandomTypes
{
    public static bool IsSupported(DataType t) => t is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16;

    /// <summary>The <c>dtype</c> attribute, or <paramref name="fallback"/> (Undefined: take the input's type at run time).</summary>
    public static DataType Output(KernelInfo info, DataType fallback)
    {
        var type = info.Attributes.Has("dtype") ? (DataType)info.Attributes.GetInt("dtype", 0) : fallback;
        if (type != DataType.Undefined && !IsSupported(type))
            throw info.Error($"dtype {DataTypeInfo.Name(type)} is not supported (float, double, float16, bfloat16)");
        return type;
    }

    /// <summary>The type of a -Like output: <paramref name="type"/>, or the input's when Undefined.</summary>
    public static DataType Resolve(KernelContext context, DataType type, DataType inputType)
    {
        if (type != DataType.Undefined) return type;
        if (!IsSupported(inputType)) throw context.Error($"the input is {DataTypeInfo.Name(inputType)}; give a float dtype for the output");
        return inputType;
    }
}
