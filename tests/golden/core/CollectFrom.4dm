return Copy parameters(3)
