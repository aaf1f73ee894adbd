using EdgeML.Compiler.Emit;
using EdgeML.Compiler.IR;
using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Passes;
using EdgeML.Compiler.Planning;
using EdgeML.Runtime;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using EdgeML.Runtime.IO;

namespace EdgeML.Compiler;

/// <summary>What a compilation produced: the model, its .edgeml bytes and the log of the passes.</summary>
public sealed class CompilationResult
{
    public required ModelDefinition Model { get; init; }
    public required byte[] Bytes { get; init; }
    public required IReadOnlyList<string> Log { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
}

/// <summary>
/// The compiler's entry point: ONNX in, .edgeml out. Imports, runs the pass pipeline (dead nodes,
/// pass-through operators, kernel check, constant folding, shape inference), plans memory from value
/// lifetimes and serializes.
/// </summary>
public static class ModelCompiler
{
    public static CompilationResult CompileFile(string onnxPath, CompileOptions? options = null)
        => Compile(OnnxImporter.LoadFile(onnxPath), options ?? new CompileOptions());

    public static CompilationResult Compile(IrModel model, CompileOptions options)
    {
        var context = new PassContext(options);
        PassManager.Default().Run(model, context);
        var lowering = new IrLowering();
        var definition = lowering.Run(model);
        definition.Plan = MemoryPlanBuilder.Build(definition, ProbedSizes(lowering, definition.Values.Length));
        foreach (var (k, v) in options.Metadata) definition.Metadata[k] = v;
        definition.Metadata["edgeml.compiler"] = typeof(ModelCompiler).Assembly.GetName().Version?.ToString() ?? "0";
        foreach (var (k, v) in options.ExtraSections) definition.ExtraSections[k] = v;
        return new CompilationResult { Model = definition, Bytes = EdgeMLWriter.Write(definition), Log = context.Log, Warnings = context.Warnings };
    }

    /// <summary>Compiles <paramref name="onnxPath"/> and writes <paramref name="outputPath"/> atomically.</summary>
    public static CompilationResult CompileToFile(string onnxPath, string outputPath, CompileOptions? options = null)
    {
        var result = CompileFile(onnxPath, options);
        AtomicFile.Write(outputPath, result.Bytes);
        return result;
    }

    /// <summary>Compiles in memory and loads the result through the .edgeml reader, exactly as a
    /// device would load the file: the path used by `edgeml run MODEL.onnx` and the conformance runner.</summary>
    public static EdgeMLModel LoadOnnx(string onnxPath, CompileOptions? options = null)
    {
        var result = CompileFile(onnxPath, options);
        return EdgeMLModel.FromBytes(result.Bytes, onnxPath);
    }

    /// <summary>Loads a model by extension: .onnx is compiled first, anything else is read as .edgeml.</summary>
    public static EdgeMLModel LoadAny(string path, CompileOptions? options = null)
        => path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) ? LoadOnnx(path, options) : EdgeMLModel.Load(path);

    /// <summary>Bytes of each value as the shape probe saw it; -1 where it did not.</summary>
    private static long[] ProbedSizes(IrLowering lowering, int count)
    {
        var sizes = new long[count];
        Array.Fill(sizes, -1);
        foreach (var (v, i) in lowering.ValueIndex)
        {
            if (v.Constant != null || v.Kind != ValueKind.Tensor || v.ProbedShape == null || v.Type is DataType.Undefined or DataType.String) continue;
            long n = 1;
            foreach (var d in v.ProbedShape) n *= d;
            sizes[i] = DataTypeInfo.ByteSize(v.Type, n);
        }
        return sizes;
    }
}
