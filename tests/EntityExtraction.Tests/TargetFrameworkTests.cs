using System.Runtime.InteropServices;

namespace EntityExtraction.Tests;

/// <summary>The runtime tests run once per framework the package targets: each run must really be on that runtime.</summary>
public class TargetFrameworkTests
{
    [Fact]
    public void The_tests_run_on_the_runtime_they_were_built_for()
    {
#if NET10_0_OR_GREATER
        const int expected = 10;
#else
        const int expected = 8;
#endif
        Environment.Version.Major.Should().Be(expected, RuntimeInformation.FrameworkDescription);
    }
}
