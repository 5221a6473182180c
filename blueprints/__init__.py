"""One module per area of the product, each defining `bp`."""
