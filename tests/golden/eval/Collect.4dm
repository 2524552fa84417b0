return Copy parameters
