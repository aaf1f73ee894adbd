using EdgeML.Compiler.Emit;
using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Execution;
using EdgeML.TestSupport;
using EdgeML.Runtime.IO;

namespace EdgeML.Compiler.Tests.Emit;

public class EdgeMLWriterTests
{
    [Fact]
    public void Round_trip_keeps_graph_constants_plan_metadata_and_extra_sections()
    {
        var options = new CompileOptions { Dims = { ["N"] = 3 }, Metadata = { ["labels"] = "cat,dog" }, ExtraSections = { [17] = [1, 2, 3] } };
        var result = ModelCompiler.Compile(OnnxImporter.Load(SmallModels.AffineRelu().ToBytes(), null), options);
        using var model = EdgeMLModel.FromBytes(result.Bytes);
        var def = model.Definition;
        Assert.Equal(result.Model.Values.Length, def.Values.Length);
        Assert.Equal(result.Model.Plan.ArenaSize, def.Plan.ArenaSize);
        Assert.Equal(result.Model.Plan.Offsets, def.Plan.Offsets);
        Assert.Equal("cat,dog", def.Metadata["labels"]);
        Assert.Equal(new byte[] { 1, 2, 3 }, def.ExtraSections[17]);
        Assert.Equal([0.5f, -1f, 2f, 1.5f], def.Values.Single(v => v.Name == "w").Constant!.Span<float>().ToArray());
        Assert.True(def.Plan.ArenaSize > 0);
        // Writing the read model again gives the same bytes: the format has one encoding.
        Assert.Equal(result.Bytes, EdgeMLWriter.Write(def));
    }

    [Fact]
    public void Atomic_write_leaves_no_partial_file_on_failure()
    {
        var dir = TestPaths.TempFolder();
        var missing = Path.Combine(dir, "no-such-folder", "m.edgeml");
        Assert.Throws<Runtime.EdgeMLException>(() => AtomicFile.Write(missing, new byte[10]));
        Assert.Empty(Directory.GetFiles(dir, "*", SearchOption.AllDirectories));
    }
}
