"""Safe Mekong joint operations and Mekong joint patrols (issue 17): recorded by the agency that
leads them, shared with the participating countries over the exchange."""
