"""zan: consolidated legislation of Kazakhstan in Kazakh and Russian, as a static site."""
