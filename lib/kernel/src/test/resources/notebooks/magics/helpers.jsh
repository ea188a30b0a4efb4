// Loaded by magics.ipynb with %load: plain JShell snippets.
String shout(String text) {
    return text.toUpperCase() + "!";
}
