"""Exchange with HQ: key cards, signed and age-encrypted bundles, the HQ import station,
receipts (docs/bundle-format.md). Qt-free; progress and cancellation are plain callables."""
