module zombielab/go-reaper-init

go 1.19
