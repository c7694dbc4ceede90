import Testing

@testable import TruceKit

/// Word wrapping, with samples and expectations taken verbatim from
/// swift-argument-parser 1.8.2's `StringWrappingTests`.
@Suite("Text wrapping")
struct CommandLineTextWrapperTests {
  static let shortSample = """
    Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Lectus proin nibh nisl condimentum id. Semper feugiat nibh sed pulvinar proin gravida hendrerit. Massa id neque aliquam vestibulum morbi blandit cursus risus at. Iaculis urna id volutpat lacus laoreet. Netus et malesuada fames ac turpis egestas sed tempus urna.
    """

  static let longSample = """
    Pretium vulputate sapien nec sagittis aliquam malesuada bibendum. Ut diam quam nulla porttitor.

    Egestas egestas fringilla phasellus faucibus. Amet dictum sit amet justo donec enim diam. Consectetur adipiscing elit duis tristique.

    Enim lobortis scelerisque fermentum dui.

    Et leo duis ut diam quam.

    Integer eget aliquet nibh praesent tristique magna sit. Faucibus turpis in eu mi bibendum neque egestas congue quisque.       Risus nec feugiat in fermentum posuere urna nec tincidunt.
    """

  @Test("Short text wraps at the last space that fits")
  func short() {
    #expect(
      TextWrapper.wrap(Self.shortSample, to: 40) == """
        Lorem ipsum dolor sit amet, consectetur
        adipiscing elit, sed do eiusmod tempor
        incididunt ut labore et dolore magna
        aliqua. Lectus proin nibh nisl
        condimentum id. Semper feugiat nibh sed
        pulvinar proin gravida hendrerit. Massa
        id neque aliquam vestibulum morbi
        blandit cursus risus at. Iaculis urna
        id volutpat lacus laoreet. Netus et
        malesuada fames ac turpis egestas sed
        tempus urna.
        """)
    #expect(
      TextWrapper.wrap(Self.shortSample, to: 60, wrappingIndent: 10) == """
                  Lorem ipsum dolor sit amet, consectetur
                  adipiscing elit, sed do eiusmod tempor incididunt
                  ut labore et dolore magna aliqua. Lectus proin
                  nibh nisl condimentum id. Semper feugiat nibh sed
                  pulvinar proin gravida hendrerit. Massa id neque
                  aliquam vestibulum morbi blandit cursus risus at.
                  Iaculis urna id volutpat lacus laoreet. Netus et
                  malesuada fames ac turpis egestas sed tempus urna.
        """)
  }

  @Test("Paragraph breaks and runs of spaces are kept")
  func long() {
    #expect(
      TextWrapper.wrap(Self.longSample, to: 80) == """
        Pretium vulputate sapien nec sagittis aliquam malesuada bibendum. Ut diam quam
        nulla porttitor.

        Egestas egestas fringilla phasellus faucibus. Amet dictum sit amet justo donec
        enim diam. Consectetur adipiscing elit duis tristique.

        Enim lobortis scelerisque fermentum dui.

        Et leo duis ut diam quam.

        Integer eget aliquet nibh praesent tristique magna sit. Faucibus turpis in eu
        mi bibendum neque egestas congue quisque.       Risus nec feugiat in fermentum
        posuere urna nec tincidunt.
        """)
  }

  @Test("An indent wider than the screen leaves no text")
  func noRoom() {
    #expect(TextWrapper.wrap("text", to: 10, wrappingIndent: 10) == "")
  }
}
